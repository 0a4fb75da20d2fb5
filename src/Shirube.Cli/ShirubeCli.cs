using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using Shirube.Cli.Commands;
using Spectre.Console;

namespace Shirube.Cli;

/// <summary>The command tree of shirube, and running it.</summary>
internal static class ShirubeCli
{
    /// <summary>The name the tool is called by, whatever the process is called (tests run in a test host).</summary>
    public const string Name = "shirube";

    /// <summary>The informational version of this assembly, e.g. 0.1.0+commit.</summary>
    public static string Version { get; } =
        typeof(ShirubeCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ShirubeCli).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Builds the command tree writing results and errors to one console.</summary>
    public static RootCommand Build(IAnsiConsole console) => Build(new CliEnvironment(console, console));

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand("Shirube: security of IoT products across their life cycle. Exit codes: 0 done, 1 failed, 2 wrong usage.");
        foreach (var option in root.Options.OfType<VersionOption>())
            option.Action = new VersionAction(environment.Out);
        root.Subcommands.Add(DemoCommand.Build(environment));
        root.Subcommands.Add(CatalogCommand.Build(environment));
        root.Subcommands.Add(OscalCommand.Build(environment));
        root.Subcommands.Add(BaselineCommand.Build(environment));
        root.Subcommands.Add(CvssCommand.Build(environment));
        root.Subcommands.Add(PurlCommand.Build(environment));
        root.Subcommands.Add(CpeCommand.Build(environment));
        root.Subcommands.Add(VersionsCommand.Build(environment));
        root.Subcommands.Add(SbomCommand.Build(environment));
        root.Subcommands.Add(CsafCommand.Build(environment));
        root.Subcommands.Add(OsvCommand.Build(environment));
        root.Subcommands.Add(AffectedCommand.Build(environment));
        root.Subcommands.Add(BenchCommand.Build(environment));
        ShowHelpWhenBare(root);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code, never throws for a failure of the command.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var parse = Build(environment).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
                environment.WriteError(error.Message);
            environment.Error.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture,
                $"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = environment.Out.Profile.Out.Writer,
            Error = environment.Error.Profile.Out.Writer,
            // Command actions turn their own failures into one-line messages; see Guard.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = environment.HandleCtrlC ? TimeSpan.FromSeconds(2) : null,
        };
        return await parse.InvokeAsync(invocation, ct).ConfigureAwait(false);
    }

    /// <summary>"shirube demo load" for the command that was parsed.</summary>
    internal static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult command; r = command.Parent)
            names.Add(command.Parent is null ? Name : command.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    // A group ("shirube", "shirube demo") called without a subcommand shows its help rather than an error.
    private static void ShowHelpWhenBare(Command command)
    {
        if (command.Subcommands.Count == 0)
            return;
        if (command.Action is null)
        {
            command.SetAction(parse =>
            {
                new HelpAction().Invoke(parse);
                return ExitCodes.Ok;
            });
        }
        foreach (var sub in command.Subcommands)
            ShowHelpWhenBare(sub);
    }

    private sealed class VersionAction(IAnsiConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.WriteLine(Version);
            return ExitCodes.Ok;
        }
    }
}
