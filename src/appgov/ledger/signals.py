from django.dispatch import Signal

# Sent after a package was stored on a version: kwargs version, actor. The scanning app queues a scan.
package_attached = Signal()
