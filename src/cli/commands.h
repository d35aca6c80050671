// thaw's command-line commands. Each parses its own arguments and calls the library;
// exceptions stop here. Returns the process exit code.
#ifndef THAW_CLI_COMMANDS_H_
#define THAW_CLI_COMMANDS_H_

namespace thaw {

// Dispatches `thaw <command> ...`; prints usage on errors.
int RunMain(int argc, char** argv);

}  // namespace thaw

#endif  // THAW_CLI_COMMANDS_H_
