/// Placeholder until the foundation lands: the control-socket protocol.
public enum KioskControlProtocol {}
