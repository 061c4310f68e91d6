import java.io.BufferedReader;
import java.io.InputStreamReader;

/** Recursive descent: expr := term (('+'|'-') term)*, term := factor (('*'|'/'|'%') factor)*. */
public class Main {
    private final String text;
    private int pos;

    private Main(String text) {
        this.text = text.replace(" ", "");
    }

    private long expr() {
        long result = term();
        while (pos < text.length()) {
            char op = text.charAt(pos);
            if (op != '+' && op != '-') break;
            pos++;
            long rhs = term();
            result = op == '+' ? result + rhs : result - rhs;
        }
        return result;
    }

    private long term() {
        long result = factor();
        while (pos < text.length() && "*/%".indexOf(text.charAt(pos)) >= 0) {
            char op = text.charAt(pos++);
            long rhs = factor();
            if (op != '*' && rhs == 0) throw new ArithmeticException();
            if (op == '*') result *= rhs;
            else if (op == '/') result /= rhs;
            else result %= rhs;
        }
        return result;
    }

    private long factor() {
        if (text.charAt(pos) == '(') {
            pos++;
            long inner = expr();
            pos++; // the ')'
            return inner;
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        return Long.parseLong(text.substring(start, pos));
    }

    public static void main(String[] args) throws Exception {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        int count = Integer.parseInt(br.readLine().trim());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            try {
                out.append(new Main(br.readLine()).expr()).append('\n');
            } catch (ArithmeticException e) {
                out.append("ERROR\n");
            }
        }
        System.out.print(out);
    }
}
