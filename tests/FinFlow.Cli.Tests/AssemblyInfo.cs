// The launcher drives Linux processes directly (setsid, /proc, POSIX signals).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
