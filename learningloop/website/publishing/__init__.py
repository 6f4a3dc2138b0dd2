"""Publishing on the learning hub: the only code that reads working records (through each publishable
kind's allow-list, core.publishing) and writes published snapshots; the business unit's pages to publish
after the recorded check, retire and follow the website statistics."""
