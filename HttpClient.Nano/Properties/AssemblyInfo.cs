using System.Runtime.CompilerServices;

// The tests reach internal types: NFUnitTest is the device test assembly (the name the
// nanoFramework launcher loads); the others are the host test, benchmark and fuzz assemblies.
[assembly: InternalsVisibleTo("NFUnitTest")]
[assembly: InternalsVisibleTo("HttpClient.Nano.Tests")]
[assembly: InternalsVisibleTo("HttpClient.Nano.Benchmarks")]
[assembly: InternalsVisibleTo("HttpClient.Nano.Fuzz")]
