using FinFlow.Gateway.Proxy;

namespace FinFlow.Gateway.Docs;

/// <summary>One Swagger UI at <c>/docs</c> listing every service's document, each fetched through the gateway and its sidecar.</summary>
public static class CombinedSwagger
{
    public static WebApplication UseCombinedSwaggerUi(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            foreach (var service in ServiceRoutes.Services) options.SwaggerEndpoint($"/api/{service}/swagger/v1/swagger.json", service);
        });
        return app;
    }
}
