using System.Text.Json;

namespace FinFlow.Sidecar.TestApp;

/// <summary>
/// Answers a delivery according to the <c>mode</c> field of the event data, so one test topic can exercise
/// every row of the app-response table. A <c>-once</c> suffix applies the mode to the first attempt only.
/// </summary>
public static class Responder
{
    public static async Task<(IResult Result, string Outcome)> AnswerAsync(string? mode, int attempt, bool allowHang, CancellationToken aborted)
    {
        var effective = mode;
        if (mode is not null && mode.EndsWith("-once", StringComparison.Ordinal)) effective = attempt == 1 ? mode[..^5] : "ok";
        switch (effective)
        {
            case "success": return (Results.Json(new { status = "SUCCESS" }), "success");
            case "text": return (Results.Text("fine"), "success");
            case "json": return (Results.Json(new { x = 1 }), "success");
            case "retry": return (Results.Json(new { status = "RETRY" }), "retry");
            case "drop": return (Results.Json(new { status = "DROP" }), "drop");
            case "weird": return (Results.Json(new { status = "success" }), "retry");
            case "404": return (Results.NotFound(), "404");
            case "500": return (Results.StatusCode(500), "500");
            case "hang" when allowHang:
                await Task.Delay(Timeout.Infinite, aborted);
                return (Results.StatusCode(500), "hang");
            default: return (Results.Ok(), "success");
        }
    }

    public static string? ModeOf(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String ? mode.GetString() : null;
}
