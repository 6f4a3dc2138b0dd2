"""The learning register: learning activities, their documents and findings."""
