using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>Turns the engine's view of an instance into daprd's GetWorkflowResponse with its property keys.</summary>
public static class WorkflowViewMapper
{
    public static GetWorkflowResponse ToResponse(WorkflowInstanceView view)
    {
        var response = new GetWorkflowResponse
        {
            InstanceId = view.InstanceId,
            WorkflowName = view.Name,
            CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
            LastUpdatedAt = Timestamp.FromDateTimeOffset(view.LastUpdatedAt),
            RuntimeStatus = view.RuntimeStatus,
        };
        var properties = response.Properties;
        if (view.CustomStatus is not null) properties["dapr.workflow.custom_status"] = view.CustomStatus;
        if (view.Input is not null) properties["dapr.workflow.input"] = view.Input;
        // daprd leaves the output out of a failed instance's properties.
        if (view.Output is not null && view.Failure is null) properties["dapr.workflow.output"] = view.Output;
        if (view.Failure is { } failure)
        {
            properties["dapr.workflow.failure.error_type"] = failure.ErrorType;
            properties["dapr.workflow.failure.error_message"] = failure.ErrorMessage;
            if (failure.StackTrace is not null) properties["dapr.workflow.failure.stack_trace"] = failure.StackTrace;
        }

        return response;
    }
}
