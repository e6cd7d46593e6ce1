using System.Collections;
using System.Globalization;

namespace FinFlow.Sidecar.Hosting;

/// <summary>Parses daprd's flags (<c>--flag value</c> or <c>--flag=value</c>; Go's single dash works too).</summary>
public static class CommandLine
{
    // daprd flags that are accepted so launch scripts written for daprd run unchanged, but have no effect here.
    private static readonly HashSet<string> IgnoredFlags = new(StringComparer.Ordinal)
    {
        "metrics-port", "enable-metrics", "placement-host-address", "scheduler-host-address", "dapr-internal-grpc-port",
        "dapr-listen-addresses", "enable-api-logging", "max-body-size", "read-buffer-size", "mode", "log-as-json",
        "enable-profiling", "profile-port", "app-ssl", "enable-mtls", "sentry-address", "control-plane-address",
        "dapr-graceful-shutdown-seconds", "dapr-block-shutdown-duration", "unix-domain-socket", "dapr-public-port",
    };

    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "enable-app-health-check", "enable-metrics", "enable-api-logging", "log-as-json", "enable-profiling", "app-ssl", "enable-mtls",
    };

    public static SidecarOptions Parse(IReadOnlyList<string> args, IDictionary environment)
    {
        var options = new SidecarOptions
        {
            ApiToken = NonEmpty(environment["DAPR_API_TOKEN"] as string),
            AppApiToken = NonEmpty(environment["APP_API_TOKEN"] as string),
            Namespace = NonEmpty(environment["NAMESPACE"] as string),
        };
        var resources = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitFlag(args[i]);
            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Count) throw new CommandLineException($"flag needs an argument: --{name}");
                return args[++i];
            }

            switch (name)
            {
                case "app-id": options = options with { AppId = Value() }; break;
                case "app-port": options = options with { AppPort = Port(name, Value()) }; break;
                case "app-protocol": options = options with { AppProtocol = Protocol(Value()) }; break;
                case "app-channel-address": options = options with { AppChannelAddress = Value() }; break;
                case "dapr-http-port": options = options with { HttpPort = Port(name, Value()) }; break;
                case "dapr-grpc-port": options = options with { GrpcPort = Port(name, Value()) }; break;
                case "resources-path" or "components-path": resources.Add(Value()); break;
                case "config": options = options with { ConfigFile = Value() }; break;
                case "log-level": options = options with { LogLevel = LogLevelName(Value()) }; break;
                case "enable-app-health-check": options = options with { EnableAppHealthCheck = Bool(name, inlineValue) }; break;
                case "app-health-check-path": options = options with { AppHealthCheckPath = Value() }; break;
                case "app-health-probe-interval": options = options with { AppHealthProbeInterval = TimeSpan.FromSeconds(Int(name, Value())) }; break;
                case "app-health-probe-timeout": options = options with { AppHealthProbeTimeout = TimeSpan.FromMilliseconds(Int(name, Value())) }; break;
                case "app-health-threshold": options = options with { AppHealthThreshold = Int(name, Value()) }; break;
                case "app-max-concurrency": options = options with { AppMaxConcurrency = Int(name, Value()) }; break;
                case var ignored when IgnoredFlags.Contains(ignored):
                    if (!BooleanFlags.Contains(ignored)) Value();
                    break;
                default: throw new CommandLineException($"flag provided but not defined: -{name}");
            }
        }

        return options with { ResourcesPaths = resources };
    }

    private static (string Name, string? Value) SplitFlag(string arg)
    {
        if (!arg.StartsWith('-') || arg == "-" || arg == "--") throw new CommandLineException($"unexpected argument: {arg}");
        var body = arg.TrimStart('-');
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    private static int Port(string name, string value)
    {
        var port = Int(name, value);
        if (port is < 0 or > 65535) throw new CommandLineException($"invalid value \"{value}\" for flag -{name}: port out of range");
        return port;
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandLineException($"invalid value \"{value}\" for flag -{name}: parse error");

    private static bool Bool(string name, string? inlineValue) =>
        inlineValue is null || (bool.TryParse(inlineValue, out var flag)
            ? flag
            : throw new CommandLineException($"invalid boolean value \"{inlineValue}\" for -{name}"));

    private static string Protocol(string value) =>
        value is "http" ? value
            : value is "https" or "grpc" or "grpcs" or "h2c"
                ? throw new CommandLineException($"--app-protocol {value} is not supported by FinFlow.Sidecar (only http)")
                : throw new CommandLineException($"invalid value \"{value}\" for flag -app-protocol");

    private static string LogLevelName(string value) =>
        value is "debug" or "info" or "warn" or "error" or "fatal"
            ? value
            : throw new CommandLineException($"invalid value \"{value}\" for flag -log-level");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
