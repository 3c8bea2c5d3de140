using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// The Visual Studio wiring of the nanoFramework projects: HttpNano.sln lists them, the host
    /// filter HttpNano.Host.slnf does not, and the ESP32 sample's project compiles every sample
    /// source (its own Secrets.cs instead of the committed template) with the package versions
    /// the library uses.
    /// </summary>
    public sealed class DeviceProjectsTests
    {
        private const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

        private static readonly string[] NanoFrameworkProjects =
        {
            "HttpClient.Nano/HttpClient.Nano.nfproj",
            "HttpClient.Nano.Tests/HttpClient.Nano.Tests.nfproj",
            "samples/Esp32/Esp32Sample.nfproj",
        };

        [Fact]
        public void SolutionListsEveryNanoFrameworkProjectWithItsGuid()
        {
            string solution = File.ReadAllText(Path.Combine(Root, "HttpNano.sln"));
            foreach (string project in NanoFrameworkProjects)
            {
                XDocument nfproj = XDocument.Load(Path.Combine(Root, project));
                string guid = nfproj.Descendants(nfproj.Root.Name.Namespace + "ProjectGuid").Single().Value.ToUpperInvariant();
                string entry = "Project(\"" + NanoFrameworkProjectType + "\") = \"" + Path.GetFileNameWithoutExtension(project)
                    + "\", \"" + project.Replace('/', '\\') + "\", \"" + guid + "\"";
                Assert.Contains(entry, solution);
                Assert.Contains(guid + ".Debug|Any CPU.Build.0 = Debug|Any CPU", solution);
            }
        }

        [Fact]
        public void HostFilterListsOnlySdkProjectsOfTheSolution()
        {
            string solution = File.ReadAllText(Path.Combine(Root, "HttpNano.sln"));
            using JsonDocument filter = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "HttpNano.Host.slnf")));
            string[] projects = filter.RootElement.GetProperty("solution").GetProperty("projects")
                .EnumerateArray().Select(p => p.GetString()).ToArray();

            Assert.NotEmpty(projects);
            Assert.All(projects, p => Assert.EndsWith(".csproj", p));
            Assert.All(projects, p => Assert.Contains("\"" + p.Replace('/', '\\') + "\"", solution));
        }

        [Fact]
        public void SampleProjectCompilesEverySampleSourceWithItsOwnSecrets()
        {
            string folder = Path.Combine(Root, "samples", "Esp32");
            XDocument nfproj = XDocument.Load(Path.Combine(folder, "Esp32Sample.nfproj"));
            XNamespace ns = nfproj.Root.Name.Namespace;
            SortedSet<string> compiled = Items(nfproj, ns + "Compile");

            SortedSet<string> expected = new SortedSet<string>(StringComparer.Ordinal) { "Secrets.cs" };
            foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (!relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                    && relative != "Secrets.example.cs")
                {
                    expected.Add(relative);
                }
            }

            Assert.Equal(expected, compiled);
            Assert.Contains("Secrets.example.cs", Items(nfproj, ns + "None"));
            Assert.Contains("samples/Esp32/Secrets.cs", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
        }

        [Fact]
        public void CompileCheckBuildsTheSampleWithTheSecretsTemplate()
        {
            XDocument check = XDocument.Load(Path.Combine(Root, "build", "NanoCheck", "NanoCheck.Esp32Sample.csproj"));
            XElement compile = check.Descendants("Compile").Single();
            Assert.Equal("../../samples/Esp32/**/*.cs", (string)compile.Attribute("Include"));
            Assert.Contains("../../samples/Esp32/Secrets.cs", ((string)compile.Attribute("Exclude")).Split(';'));
            Assert.Contains("NanoCheck.Esp32Sample.csproj", File.ReadAllText(Path.Combine(Root, "build", "NanoCheck", "NanoCheck.sln")));
        }

        [Fact]
        public void SamplePackagesMatchItsReferencesAndTheLibrarysVersions()
        {
            Dictionary<string, string> sample = Packages(Path.Combine(Root, "samples", "Esp32", "packages.config"));
            Dictionary<string, string> library = Packages(Path.Combine(Root, "HttpClient.Nano", "packages.config"));
            foreach (KeyValuePair<string, string> package in library)
            {
                Assert.True(sample.ContainsKey(package.Key), "the sample misses " + package.Key);
                Assert.Equal(package.Value, sample[package.Key]);
            }

            XDocument nfproj = XDocument.Load(Path.Combine(Root, "samples", "Esp32", "Esp32Sample.nfproj"));
            XNamespace ns = nfproj.Root.Name.Namespace;
            string[] hintPaths = nfproj.Descendants(ns + "HintPath").Select(h => h.Value.Replace('\\', '/')).ToArray();
            foreach (KeyValuePair<string, string> package in sample)
            {
                string folder = "../../packages/" + package.Key + "." + package.Value + "/lib/";
                Assert.True(hintPaths.Any(h => h.StartsWith(folder, StringComparison.Ordinal)), "no reference into " + folder);
            }

            Assert.Equal(sample.Count, hintPaths.Length);
        }

        private static SortedSet<string> Items(XDocument project, XName name)
        {
            return new SortedSet<string>(
                project.Descendants(name).Select(e => ((string)e.Attribute("Include")).Replace('\\', '/')),
                StringComparer.Ordinal);
        }

        private static Dictionary<string, string> Packages(string packagesConfig)
        {
            return XDocument.Load(packagesConfig).Root.Elements("package")
                .Where(p => (string)p.Attribute("developmentDependency") != "true")
                .ToDictionary(p => (string)p.Attribute("id"), p => (string)p.Attribute("version"));
        }

        private static string Root => RepositoryBuild.Root;
    }
}
