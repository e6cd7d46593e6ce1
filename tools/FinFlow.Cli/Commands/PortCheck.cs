using System.Net;
using System.Net.Sockets;
using FinFlow.Cli.RunFiles;

namespace FinFlow.Cli.Commands;

/// <summary>Refuses to start anything when a port the run file names is taken, before any process starts.</summary>
public static class PortCheck
{
    public static void EnsureFree(IEnumerable<RunFileApp> apps)
    {
        foreach (var app in apps)
        {
            Check(app.AppPort, $"app port of '{app.AppId}'");
            Check(app.DaprHttpPort, $"sidecar HTTP port of '{app.AppId}'");
            Check(app.DaprGrpcPort, $"sidecar gRPC port of '{app.AppId}'");
        }
    }

    private static void Check(int port, string what)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException)
        {
            throw new CliException($"port {port} ({what}) is already in use; stop what holds it or change dapr.yaml");
        }
    }
}
