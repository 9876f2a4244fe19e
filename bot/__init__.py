"""policybot: answers officials' questions with directive passages from district bulletins."""

__version__ = "0.1.0"
