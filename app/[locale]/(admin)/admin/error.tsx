"use client";
// A page's failure shown inside the console; ../../error.tsx still catches the layout's own.
import { ErrorPanel } from "@/components/ui/error-panel";

export default ErrorPanel;
