// cairo (PDF surface, FreeType/fontconfig fonts) and fontconfig for the KioskPrinting renderer.
#ifndef KIOSK_CCAIRO_SHIM_H
#define KIOSK_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#endif
