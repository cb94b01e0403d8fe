"""Errors whose message is meant for the shop owner."""


class UserError(Exception):
    """Something the owner can fix; str(e) is a complete sentence."""


class ValidationError(UserError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
