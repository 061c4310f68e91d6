import java.util.ArrayDeque;
import java.util.Scanner;

public class Main {
    private static final String OPS = "+-*/%";

    private static int rank(char c) {
        if (c == '*' || c == '/' || c == '%') {
            return 2;
        } else if (c == '+' || c == '-') {
            return 1;
        }
        return 0;
    }

    private static long binary(char c, long l, long r) {
        if (c == '+') return l + r;
        if (c == '-') return l - r;
        if (c == '*') return l * r;
        if (r == 0) throw new ArithmeticException("zero");
        if (c == '/') return l / r;
        if (c == '%') return l % r;
        throw new IllegalArgumentException("operator " + c);
    }

    private static void fold(ArrayDeque<Long> vals, ArrayDeque<Character> opStack) {
        long r = vals.pop(), l = vals.pop();
        char c = opStack.pop();
        vals.push(binary(c, l, r));
    }

    private static long eval(String e) {
        ArrayDeque<Long> vals = new ArrayDeque<Long>();
        ArrayDeque<Character> opStack = new ArrayDeque<Character>();
        for (int i = 0; i < e.length(); ) {
            char c = e.charAt(i);
            if (c == ' ' || c == '\t') {
                i += 1;
                continue;
            }
            if (c >= '0' && c <= '9') {
                long num = 0;
                do {
                    num = num * 10 + (e.charAt(i) - '0');
                    i += 1;
                } while (i < e.length() && Character.isDigit(e.charAt(i)));
                vals.push(num);
                continue;
            }
            if (c == '(') {
                opStack.push(c);
            } else if (c == ')') {
                while (opStack.peek() != '(') fold(vals, opStack);
                opStack.pop();
            } else {
                while (!opStack.isEmpty() && rank(opStack.peek()) >= rank(c)) fold(vals, opStack);
                opStack.push(c);
            }
            i += 1;
        }
        while (opStack.size() > 0) fold(vals, opStack);
        return vals.pop();
    }

    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int cases = Integer.parseInt(in.nextLine().trim());
        for (int c = 1; c <= cases; c++) {
            String expression = in.nextLine();
            String answer;
            try {
                answer = String.valueOf(eval(expression));
            } catch (ArithmeticException ex) {
                answer = "ERROR";
            }
            System.out.println(answer);
        }
    }
}
