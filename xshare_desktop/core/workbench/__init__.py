"""The vendor workbench: test a Yellow Button implementation and build the label evidence pack.

Everything here runs on the vendor's machine; nothing is sent anywhere except the requests a
link test makes to the link host the vendor names.
"""
