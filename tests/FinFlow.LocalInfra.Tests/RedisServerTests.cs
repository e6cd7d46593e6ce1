using System.Net.Sockets;
using System.Text;
using FinFlow.LocalInfra;
using Xunit;

namespace FinFlow.LocalInfra.Tests;

public class RedisServerTests
{
    [Fact]
    public async Task Server_answers_on_loopback_and_stop_ends_its_process()
    {
        var server = await RedisServer.StartAsync();
        var pid = server.ProcessId!.Value;

        Assert.Equal("+PONG", await SendAsync(server.Port, "PING"));

        await server.StopAsync();
        Assert.False(Directory.Exists($"/proc/{pid}") && !IsZombie(pid));
        Assert.False(await FreePort.IsAcceptingAsync(server.Port));
    }

    [Fact]
    public async Task A_password_protected_server_refuses_unauthenticated_commands()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { Password = "s3cret-for-test" });

        Assert.StartsWith("-NOAUTH", await SendAsync(server.Port, "PING"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_whose_owner_died_is_reaped_by_the_next_start()
    {
        var orphan = await RedisServer.StartAsync();
        var pid = orphan.ProcessId!.Value;
        var folder = Directory.GetDirectories(InstanceDirectory.EphemeralRoot)
            .Single(dir => File.Exists(Path.Combine(dir, "redis.pid")) && File.ReadAllText(Path.Combine(dir, "redis.pid")).Trim() == pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Pretend the owner was a process that has since exited (pid 1 never has this start time).
        await File.WriteAllTextAsync(Path.Combine(folder, "owner"), "1 0");

        await OrphanReaper.ReapAsync();

        Assert.False(Directory.Exists(folder));
        await WaitForExitAsync(pid);
        Assert.False(await FreePort.IsAcceptingAsync(orphan.Port));
    }

    [Fact]
    public void A_missing_binary_names_the_package_to_install()
    {
        var error = Assert.Throws<MissingPrerequisiteException>(
            () => BinaryLocator.Locate("redis-server", "redis-server", searchPath: "/nonexistent-finflow-bin"));

        Assert.Equal("redis-server was not found: install it with `sudo apt-get install -y redis-server`.", error.Message);
    }

    private static async Task<string> SendAsync(int port, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
    }

    private static async Task WaitForExitAsync(int pid)
    {
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++) await Task.Delay(50);
        Assert.True(!Directory.Exists($"/proc/{pid}") || IsZombie(pid), $"redis-server {pid} is still running");
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z";
        }
        catch (IOException)
        {
            return true;
        }
    }
}
