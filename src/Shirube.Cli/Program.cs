using Shirube.Cli;
using Spectre.Console;

// JSON and tables are UTF-8 whatever the console's code page (Japanese names, ○ in the matrix).
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// Results go to standard output, errors to standard error, so that output can be piped.
var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
if (Console.IsErrorRedirected)
    error.Profile.Width = 4096; // an error stays on one line in a log, rather than wrapping at 80 columns
var environment = new CliEnvironment(AnsiConsole.Console, error) { HandleCtrlC = true };
return await ShirubeCli.RunAsync(args, environment).ConfigureAwait(false);
