"""SocioLab Desk: the desktop program of the SocioLab info points."""

__version__ = "0.1.0"
APP_NAME = "SocioLab Desk"
APP_ID = "sociolab-desktop"
