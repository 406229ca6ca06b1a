"""People across the library: who is quoted in each article (classify), the same person
recognised across articles (merge), and the people list and voices the views show. Pure
functions over plain records; no SQL, no Textual."""
