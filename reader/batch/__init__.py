"""Many articles at once: finding the files, analysing them in parallel processes (the model
loaded once in each), and showing progress. Knows nothing of Textual."""
