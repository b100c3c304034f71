package org.cycleprop.util;

/**
 * A problem the user can fix (bad file, bad option, unwritable folder). Its message is shown as one line,
 * so it must name the file or option and say what is wrong; the front ends never print its stack trace.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
