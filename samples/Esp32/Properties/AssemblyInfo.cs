using System.Reflection;

[assembly: AssemblyTitle("HttpClient.Nano ESP32 sample")]
[assembly: AssemblyDescription("HTTPS over Wi-Fi with HttpClient.Nano")]
[assembly: AssemblyProduct("HttpClient.Nano")]
[assembly: AssemblyVersion("1.0.0.0")]
