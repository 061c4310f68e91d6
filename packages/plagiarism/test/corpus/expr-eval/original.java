import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Scanner;

public class Main {
    static int precedence(char op) {
        switch (op) {
            case '+':
            case '-':
                return 1;
            case '*':
            case '/':
            case '%':
                return 2;
            default:
                return 0;
        }
    }

    static long apply(char op, long a, long b) {
        switch (op) {
            case '+': return a + b;
            case '-': return a - b;
            case '*': return a * b;
            case '/':
                if (b == 0) throw new ArithmeticException("division by zero");
                return a / b;
            case '%':
                if (b == 0) throw new ArithmeticException("division by zero");
                return a % b;
            default:
                throw new IllegalArgumentException("bad operator " + op);
        }
    }

    static void reduce(Deque<Long> values, Deque<Character> ops) {
        long b = values.pop();
        long a = values.pop();
        values.push(apply(ops.pop(), a, b));
    }

    static long evaluate(String expr) {
        Deque<Long> values = new ArrayDeque<>();
        Deque<Character> ops = new ArrayDeque<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                long number = 0;
                while (i < expr.length() && Character.isDigit(expr.charAt(i))) {
                    number = number * 10 + (expr.charAt(i) - '0');
                    i++;
                }
                values.push(number);
            } else if (c == '(') {
                ops.push(c);
                i++;
            } else if (c == ')') {
                while (ops.peek() != '(') {
                    reduce(values, ops);
                }
                ops.pop();
                i++;
            } else {
                while (!ops.isEmpty() && precedence(ops.peek()) >= precedence(c)) {
                    reduce(values, ops);
                }
                ops.push(c);
                i++;
            }
        }
        while (!ops.isEmpty()) {
            reduce(values, ops);
        }
        return values.pop();
    }

    public static void main(String[] args) {
        Scanner scanner = new Scanner(System.in);
        int lines = Integer.parseInt(scanner.nextLine().trim());
        for (int n = 0; n < lines; n++) {
            String line = scanner.nextLine();
            try {
                System.out.println(evaluate(line));
            } catch (ArithmeticException e) {
                System.out.println("ERROR");
            }
        }
    }
}
