"""What a recipient gets from a SMART Health Link, checked: above the links, signing and validation.

``receive`` unpacks a retrieved link (``core.shl.client``) into named files, verifies their
detached signatures (``core.signing``) and validates the FHIR documents (``core.validation``).
It sits in its own package above those three so that they stay independent of each other.
"""
