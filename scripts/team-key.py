#!/usr/bin/env python3
"""Prints the access key of the first team member in `portico links --json` (read from standard
input), so the site gates can open private pages as a team member sees them."""
import json
import sys

links = json.load(sys.stdin)
team = [link for link in links if link.get("team")]
if not team:
    sys.exit("team-key: no team member in the links")
print(team[0]["url"].split("#k=", 1)[1])
