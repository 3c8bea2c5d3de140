using System;
using System.Diagnostics;
using System.IO;

namespace HttpNano.Tests.Host
{
    /// <summary>The repository's root folder, and `dotnet` runs from inside the test host.</summary>
    internal static class RepositoryBuild
    {
        /// <summary>The folder holding HttpNano.sln, found upwards from the test binaries.</summary>
        public static string Root
        {
            get
            {
                DirectoryInfo directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "HttpNano.sln")))
                {
                    directory = directory.Parent;
                }

                return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
            }
        }

        /// <summary>Runs `dotnet` with <paramref name="arguments"/> in <paramref name="folder"/>; returns the exit code and all output.</summary>
        public static (int ExitCode, string Output) Dotnet(string folder, TimeSpan limit, params string[] arguments)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs inside an MSBuild-started process: keep its settings out.
            foreach (string variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                start.Environment.Remove(variable);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using Process process = Process.Start(start);
            System.Threading.Tasks.Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)limit.TotalMilliseconds))
            {
                process.Kill(true);
                throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " exceeded " + limit);
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
    }
}
