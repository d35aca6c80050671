#include "cli/commands.h"

#include "base/file.h"
#include "cli/common.h"

namespace thaw {

int RunMain(int argc, char** argv) {
  RemoveTempFilesOnFatalSignals();  // Ctrl-C leaves no half-written -o temporaries
  CLI::App app{
      "thaw: political event data from news text (CAMEO events with PETRARCH-compatible dictionaries)",
      "thaw"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "thaw 0.1.0");
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeCodeCommand(&app));
  commands.push_back(MakeEvalCommand(&app));
  commands.push_back(MakeParseCommand(&app));
  commands.push_back(MakeTrainCommand(&app));
  commands.push_back(MakeDictCommand(&app));
  commands.push_back(MakeDemoCommand(&app));
  commands.push_back(MakeIngestCommand(&app));
  commands.push_back(MakeExportCommand(&app));
  commands.push_back(MakeDyadCommand(&app));
  commands.push_back(MakeShiftsCommand(&app));
  commands.push_back(MakeTopCommand(&app));
  commands.push_back(MakeActorsCommand(&app));
  commands.push_back(MakePlotCommand(&app));
  if (argc <= 1) {  // plain `thaw`: what it can do
    std::cout << app.help();
    return 0;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message (or the help); a usage error exits 2, as the other errors do,
    // not with CLI11's own codes (106 for a missing option).
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    for (auto& c : commands) {
      if (c->app->parsed()) return c->Run();
    }
  } catch (const std::exception& e) {
    std::cerr << "thaw: error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace thaw
