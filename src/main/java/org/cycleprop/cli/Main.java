package org.cycleprop.cli;

import org.cycleprop.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./cycleprop}: one subcommand per job. */
@Command(name = "cycleprop", mixinStandardHelpOptions = true, version = "CycleProp 0.1.0",
        description = "Propagate a segmentation drawn on one slice through a whole 3D image.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, BenchmarkCommand.class,
            PropagateCommand.class, SpeedCommand.class, TrainCommand.class, ReproduceTableCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; user errors become one line on stderr, never a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof UserException)) t = t.getCause();
            if (t instanceof UserException) {
                cmd.getErr().println("error: " + t.getMessage());
                return 2;
            }
            cmd.getErr().println("error: unexpected failure: " + e
                    + (System.getenv("CYCLEPROP_DEBUG") != null ? "" : " (set CYCLEPROP_DEBUG=1 for details)"));
            if (System.getenv("CYCLEPROP_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 3;
        });
        return cli.execute(args);
    }
}
