using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Resources;
using Microsoft.Extensions.Logging;

// Exit codes: 0 after a clean stop, 1 when resources or components are invalid or the ports cannot be
// bound, 2 for a command line daprd would reject.
SidecarOptions options;
try
{
    options = CommandLine.Parse(args, Environment.GetEnvironmentVariables());
}
catch (CommandLineException error)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}

var loggerFactory = SidecarLogging.CreateFactory(options.LogLevel);
var logger = loggerFactory.CreateLogger("FinFlow.Sidecar");
ComponentCatalog? catalog = null;
try
{
    logger.LogInformation("Starting FinFlow.Sidecar for app {AppId}: HTTP {HttpPort}, gRPC {GrpcPort}", options.AppId, options.HttpPort, options.GrpcPort);
    var resources = new ResourceLoader(new ResourceContext(options.AppId, options.Namespace), logger)
        .Load(options.ResourcesPaths, options.ConfigFile);
    catalog = await new ComponentLoader(ComponentRegistry.CreateDefault(), options, loggerFactory).LoadAsync(resources.Components, CancellationToken.None);
    var app = SidecarHost.Build(options, resources, catalog);
    await app.RunAsync();
    return 0;
}
catch (ResourceException error)
{
    logger.LogCritical("Fatal error loading resources: {Error}", error.Message);
    await Console.Error.WriteLineAsync($"fatal: {error.Message}");
    return 1;
}
catch (IOException error)
{
    logger.LogCritical(error, "Fatal error starting the API servers: {Error}", error.Message);
    await Console.Error.WriteLineAsync($"fatal: {error.Message}");
    return 1;
}
finally
{
    if (catalog is not null) await catalog.DisposeAsync();
    loggerFactory.Dispose();
}
