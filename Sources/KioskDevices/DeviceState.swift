/// Placeholder until the foundation lands.
public enum KioskDevicesPlaceholder {}
