"""Sitrep's faces: the ``sitrep`` command line, the running service and the Telegram bot."""
