"""How long a short notice (a wrap round, a limit reached) stays up, in seconds."""

NOTICE_SECONDS = 2.5
