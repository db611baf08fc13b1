// libqrencode for the QR code on issued documents.
#ifndef KIOSK_CQRENCODE_SHIM_H
#define KIOSK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
