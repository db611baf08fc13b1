// libusb-1.0 for Swift. pkg-config "libusb-1.0" adds -I/usr/include/libusb-1.0.
#ifndef KIOSK_CLIBUSB_SHIM_H
#define KIOSK_CLIBUSB_SHIM_H
#include <libusb.h>
#endif
