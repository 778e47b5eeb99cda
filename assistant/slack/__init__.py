"""The Slack app (slack-bolt): mentions, direct messages, the /sop command, approve/reject buttons."""
