using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Shirube.Cli.Commands;

/// <summary>Wraps a command action so that every failure ends as one line on standard error and an exit code.</summary>
internal static class Guard
{
    public static Func<ParseResult, CancellationToken, Task<int>> Run(
        CliEnvironment environment, Func<ParseResult, CancellationToken, Task<int>> action) =>
        async (parse, ct) =>
        {
            try
            {
                return await action(parse, ct).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                environment.WriteError(e.Message);
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                environment.WriteError("Cancelled.");
                return ExitCodes.Cancelled;
            }
            catch (DbException e)
            {
                environment.WriteError($"The database failed: {e.Message}");
                return ExitCodes.Failed;
            }
            catch (DbUpdateException e)
            {
                environment.WriteError($"The database refused the change: {e.GetBaseException().Message}");
                return ExitCodes.Failed;
            }

            catch (Exception e)

            {
                environment.WriteError($"Unexpected {e.GetType().Name}: {e.Message}");
                return ExitCodes.Failed;
            }
        };
}
