"""Reading the input article: a UTF-8 text file, refused clearly if it is not one."""

from __future__ import annotations

from pathlib import Path

BINARY_SNIFF_BYTES = 8192


class IngestError(Exception):
    """An input or output problem the CLI reports in one line, with exit status `status`."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def read_article(path: Path) -> str:
    """Return the text of a UTF-8 article file; raise IngestError if missing, binary, not UTF-8 or empty."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{path}: is a directory, not an article file") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise IngestError(f"{path}: looks like a binary file (it holds NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{path}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the article as UTF-8"
        ) from None
    if not text.strip():
        raise IngestError(f"{path}: is empty")
    return text
