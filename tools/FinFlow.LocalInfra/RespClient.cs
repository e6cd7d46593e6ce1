using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FinFlow.LocalInfra;

/// <summary>Just enough of the Redis protocol to check readiness and shut a server down, with no client library.</summary>
internal static class RespClient
{
    public static async Task<bool> PingAsync(int port, string? password, CancellationToken ct)
    {
        var reply = await TrySendAsync(port, password, "PING", ct);
        return reply?.StartsWith("+PONG", StringComparison.Ordinal) == true;
    }

    public static async Task<string?> TrySendAsync(int port, string? password, string command, CancellationToken ct = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            var stream = client.GetStream();
            if (password is not null) await SendAsync(stream, $"AUTH {password}", ct);
            return await SendAsync(stream, command, ct);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return null;
        }
    }

    private static async Task<string> SendAsync(NetworkStream stream, string command, CancellationToken ct)
    {
        // Inline commands are enough here: none of our arguments contain spaces.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), ct);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, ct);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
