"""The Meetings section: meetings and case conferences, their attendees, agenda and actions."""
