"""Casebook: secure case management for an Integrated Gangs and Exploitation Unit."""

__version__ = "0.1.0"
APP_NAME = "Casebook"
ORGANISATION = "IGXU"
