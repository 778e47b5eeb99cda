"""The assistant's entry points: settings, CLI, agent, offline router, HTTP and Slack apps."""
