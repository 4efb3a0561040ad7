namespace GradFlow.Cli;

/// <summary>The exit codes the README promises, plus the two a contract cannot promise away.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A check failed, e.g. <c>gradcheck</c> found a parameter beyond the tolerance.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: one line on stderr, nothing written.</summary>
    public const int BadInput = 2;

    /// <summary>A bug or an unfinished part (e.g. a reporting seam not written yet): one line on stderr.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl+C); a sweep resumes where it stopped when the same command runs again.</summary>
    public const int Interrupted = 130;
}
