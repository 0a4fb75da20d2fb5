using System.CommandLine;
using Shirube.Cli.Output;
using Shirube.Formats.Disclosure;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube csaf …": CSAF 2.0 advisories, read offline.</summary>
internal static class CsafCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var csaf = new Command("csaf", "CSAF 2.0 security advisories and VEX documents, checked offline.");
        csaf.Subcommands.Add(BuildValidate(environment));
        return csaf;
    }

    private static Command BuildValidate(CliEnvironment environment)
    {
        var command = new Command("validate",
            "Validate a CSAF 2.0 document against the official JSON schema and the tests of section 6 that Shirube implements "
            + "(mandatory 6.1 as errors, recommended 6.2 as warnings, informative 6.3 as infos). JSON: "
            + "{valid, errors: [{test, path, message}], warnings: [...], infos: [...]}, test being the section 6 id or \"schema\" "
            + "and path a JSON pointer. Exit 0 if valid, 1 if not, 2 if the file cannot be read (missing, not JSON, over "
            + $"{CsafValidator.MaxBytes / (1024 * 1024)} MiB).");
        var file = new Argument<FileInfo>("file") { Description = "The CSAF 2.0 JSON document." };
        var format = new FormatOption(OutputFormat.Json, OutputFormat.Table);
        command.Arguments.Add(file);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            var report = Validate(parse.GetValue(file)!);
            if (format.IsJson(parse))
                JsonOutput.Write(environment, new ReportJson(report.Valid, Results(report.Errors), Results(report.Warnings), Results(report.Infos)));
            else
                environment.Out.Write(Table(report));
            return Task.FromResult(report.Valid ? ExitCodes.Ok : ExitCodes.Failed);
        }));
        return command;
    }

    private static CsafReport Validate(FileInfo file)
    {
        if (!file.Exists)
            throw new CliException($"The file {file.FullName} does not exist.", ExitCodes.Usage);
        try
        {
            return CsafValidator.ValidateFile(file.FullName);
        }
        catch (CsafFormatException e)
        {
            throw new CliException(e.Message, ExitCodes.Usage, e);
        }
        catch (IOException e)
        {
            throw new CliException($"The file {file.FullName} cannot be read: {e.Message}", ExitCodes.Usage, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"The file {file.FullName} cannot be read: {e.Message}", ExitCodes.Usage, e);
        }
    }

    private static List<ResultJson> Results(IEnumerable<CsafResult> results) =>
        [.. results.Select(r => new ResultJson(r.Test, r.Path, r.Message))];

    private static Table Table(CsafReport report)
    {
        var table = new Table().AddColumn("Level").AddColumn("Test").AddColumn("Path").AddColumn("Message");
        foreach (var result in report.Results.OrderBy(r => r.Severity))
            table.AddRow(result.Severity.ToString(), Markup.Escape(result.Test), Markup.Escape(result.Path), Markup.Escape(result.Message));
        table.Caption(report.Valid ? "valid" : "invalid");
        return table;
    }

    private sealed record ReportJson(bool Valid, IReadOnlyList<ResultJson> Errors, IReadOnlyList<ResultJson> Warnings, IReadOnlyList<ResultJson> Infos);

    private sealed record ResultJson(string Test, string Path, string Message);
}
