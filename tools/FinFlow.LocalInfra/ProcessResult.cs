namespace FinFlow.LocalInfra;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string Describe() => $"exit {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}".Trim();
}
