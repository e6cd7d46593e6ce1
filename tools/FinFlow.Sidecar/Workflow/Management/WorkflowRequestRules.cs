using System.Globalization;
using FinFlow.Sidecar.Api;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>The input checks daprd's universal workflow API makes before it reaches the engine.</summary>
public static class WorkflowRequestRules
{
    public const string StartTimeOption = "dapr.workflow.start_time";

    /// <summary>Any instance id must be present; a new one must also be short and made of letters, digits, '-' and '_'.</summary>
    public static void CheckInstanceId(string instanceId, bool isCreate)
    {
        if (instanceId.Length == 0) throw WorkflowErrors.InstanceIdMissing();
        if (!isCreate) return;
        if (instanceId.Length > WorkflowErrors.MaxInstanceIdLength) throw WorkflowErrors.InstanceIdTooLong();
        if (!instanceId.All(c => char.IsLetterOrDigit(c) || c is '-' or '_')) throw WorkflowErrors.InstanceIdInvalid(instanceId);
    }

    /// <summary>
    /// An app id naming this app (or none) targets the local engine. Another app would be a cross-app
    /// workflow, which needs daprd's placement; this sidecar refuses it with the operation's own error.
    /// </summary>
    public static void CheckAppId(string? appId, string ownAppId, Func<string, DaprApiException> unsupported)
    {
        if (string.IsNullOrEmpty(appId) || appId == ownAppId) return;
        if (!appId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw WorkflowErrors.AppIdInvalid(appId);
        throw unsupported($"workflows of another app ('{appId}') are not supported by FinFlow.Sidecar: it hosts only its own app's workflows");
    }

    /// <summary>The scheduled start, when the start options carry one in RFC 3339.</summary>
    public static DateTimeOffset? StartTime(IReadOnlyDictionary<string, string> options, string workflowName)
    {
        if (!options.TryGetValue(StartTimeOption, out var text)) return null;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var startAt))
        {
            return startAt;
        }

        throw WorkflowErrors.Start(workflowName, "start times must be in RFC3339 format (e.g. \"2009-11-10T23:00:00Z\")");
    }
}
