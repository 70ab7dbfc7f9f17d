"""The highlight colours a reader can choose, by name. Apart so the window can list them at start-up
without building the annotation classes."""

COLOURS = {"yellow": "#ffe066", "green": "#a8e6a1", "blue": "#a6d4ff", "pink": "#ffb3d1", "orange": "#ffc078"}
