"""Personal access tokens: each user's own tokens (create, see, revoke) and the administrator's list of
every token."""
