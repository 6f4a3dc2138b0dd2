"""The programme: courses (with the key messages they carry), their sessions, the training pool of trainers
from partner agencies, attendance marking, each course's results, and the programme's settings."""
