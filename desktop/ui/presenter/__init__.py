"""The presenter: the audience window on the projector and the console on the laptop."""
